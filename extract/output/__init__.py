"""Output: the claims table's schema, its readers and writers, and leaderboards over it."""
