"""Run every benchmark script in this folder and print their figures."""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
for script in sorted(here.glob("*.py")):
    if script.name == "run_all.py":
        continue
    print(f"== {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], check=False)
