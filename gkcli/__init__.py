"""gk: track a task-division table (任务分工表) kept as YAML in git."""

__version__ = "0.1.0"
