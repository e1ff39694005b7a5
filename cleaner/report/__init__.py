"""Output formats: findings (concise, full, json, jsonl, github, sarif), duplicate tables, run
summaries and progress."""
