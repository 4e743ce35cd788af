"""Evaluation: scoring an extraction against a golden file, the golden check and its report."""
