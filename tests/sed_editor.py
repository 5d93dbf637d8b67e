"""A hand editor that renames its file in, as ``sed -i`` does, until told to stop.

    python tests/sed_editor.py FILE STOP

Appends the line ``# 手工 N`` (N = 0, 1, 2, …) through a temporary file renamed over FILE, again
and again, until the file STOP exists; then prints how many edits it made. Run as a program of
its own beside gk by tests/test_data_safety.py and benchmarks/races.py: every ``# 手工 N`` must
still be in FILE at the end.
"""

import os
import sys
import time


def main(path: str, stop: str) -> None:
    i = 0
    while not os.path.exists(stop):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        with open(path + ".sed", "w", encoding="utf-8", newline="") as f:
            f.write(text + f"# 手工 {i}\n")
        os.replace(path + ".sed", path)  # as sed -i does
        i += 1
        time.sleep(0.002)
    print(i)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
