"""`make bench`: jixiao's speed and memory, each figure a ratio against a baseline measured in the same run."""
