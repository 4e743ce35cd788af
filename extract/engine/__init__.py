"""The rule engine: numbers, cues, kinds, fields, names, vocabularies and units, from a sentence to claim rows."""
