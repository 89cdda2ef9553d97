#!/usr/bin/python3
"""PyTorch reference for bench/train-throughput: the Keras tutorial CNN on MNIST.

Trains exactly the model Worldmind calls "keras-cnn" the way Worldmind trains it (Adam lr 1e-3,
batch 64, softmax cross-entropy, a fresh shuffle every epoch, the last partial batch included,
pixels /255 then (x - 0.1307) / 0.3081) and measures training images per second.

Only the training loop is timed: per batch, gathering the batch from the uint8 images and
normalising it, forward, loss, backward, optimiser step, and reading the loss and the number of
correct predictions back as Python numbers (Worldmind reads both every batch too). Loading the IDX
files and the optional test-set evaluation afterwards are not timed.

Run it with Debian's interpreter, which has python3-torch:
    /usr/bin/python3 bench/keras_cnn_torch.py --threads 2 --data-dir ~/.worldmind/datasets/mnist
    /usr/bin/python3 bench/keras_cnn_torch.py --limit 2000      # quick check
"""

import argparse
import json
import os
import platform
import struct
import sys
import time

import numpy as np
import torch

EXPECTED_PARAMETERS = 93_322
MEAN, STD = 0.1307, 0.3081
IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049


def parse_args():
    home = os.environ.get("WORLDMIND_HOME") or os.path.join(os.path.expanduser("~"), ".worldmind")
    p = argparse.ArgumentParser(description="Train the Keras MNIST CNN in PyTorch, report images/s.")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                   help="intra- and inter-op threads (default: all cores)")
    p.add_argument("--epochs", type=int, default=1, help="passes over the training data (default 1)")
    p.add_argument("--batch-size", type=int, default=64, help="images per step (default 64)")
    p.add_argument("--lr", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    p.add_argument("--seed", type=int, default=42, help="seed of weights and shuffling (default 42)")
    p.add_argument("--limit", type=int, default=0,
                   help="train on only the first N training images (0: all 60,000)")
    p.add_argument("--data-dir", default=os.path.join(home, "datasets", "mnist"),
                   help="folder with the raw MNIST IDX files (default: $WORLDMIND_HOME/datasets/mnist)")
    p.add_argument("--no-test", action="store_true",
                   help="skip the (untimed) evaluation on the 10,000 test images")
    p.add_argument("--out", help="also write the JSON result line to this file")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    a = p.parse_args()
    for name in ("threads", "epochs", "batch_size"):
        if getattr(a, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be at least 1")
    if a.limit < 0:
        p.error("--limit must not be negative")
    return a


def read_idx(path, magic, dims):
    """Reads a raw (uncompressed) MNIST IDX file into a uint8 array, checking its header."""
    with open(path, "rb") as f:
        data = f.read()
    header = 4 + 4 * dims
    if len(data) < header:
        raise SystemExit(f"{path}: too short for an IDX header")
    found, *shape = struct.unpack(">" + "I" * (1 + dims), data[:header])
    if found != magic:
        raise SystemExit(f"{path}: magic number {found}, expected {magic}")
    count = int(np.prod(shape))
    if len(data) - header != count:
        raise SystemExit(f"{path}: {len(data) - header} data bytes, header says {count}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def load(data_dir, prefix):
    images = read_idx(os.path.join(data_dir, f"{prefix}-images-idx3-ubyte"), IMAGES_MAGIC, 3)
    labels = read_idx(os.path.join(data_dir, f"{prefix}-labels-idx1-ubyte"), LABELS_MAGIC, 1)
    if images.shape[0] != labels.shape[0]:
        raise SystemExit(f"{prefix}: {images.shape[0]} images but {labels.shape[0]} labels")
    # uint8 (N, 1, 28, 28) and int64 labels; batches are converted to float inside the timed loop.
    x = torch.from_numpy(images.copy()).unsqueeze(1)
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def keras_cnn():
    """The Keras tutorial CNN: input 1x28x28, 93,322 parameters."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),   # 26x26 -> 13x13
        torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),  # 11x11 -> 5x5
        torch.nn.Conv2d(64, 64, 3), torch.nn.ReLU(),                         # 3x3
        torch.nn.Flatten(),                                                  # 576
        torch.nn.Linear(576, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 10),
    )


def normalise(batch_u8):
    return batch_u8.float().div_(255.0).sub_(MEAN).div_(STD)


def train_epoch(model, loss_fn, optimizer, images, labels, batch_size, generator, log):
    """One shuffled pass; returns mean loss, accuracy and seconds of the timed loop."""
    n = images.shape[0]
    batches = (n + batch_size - 1) // batch_size
    report_every = max(1, batches // 10)
    loss_sum, correct = 0.0, 0
    order = torch.randperm(n, generator=generator)
    start = time.perf_counter()
    for b, lo in enumerate(range(0, n, batch_size)):
        idx = order[lo:lo + batch_size]
        x = normalise(images[idx])
        y = labels[idx]
        logits = model(x)
        loss = loss_fn(logits, y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        count = y.shape[0]
        loss_sum += loss.item() * count
        correct += (logits.argmax(1) == y).sum().item()
        if log and ((b + 1) % report_every == 0 or b + 1 == batches):
            done = lo + count
            log(f"  batch {b + 1:5d}/{batches}  batch loss {loss.item():.4f}  "
                f"mean loss {loss_sum / done:.4f}  acc {100.0 * correct / done:6.2f}%  "
                f"{done / (time.perf_counter() - start):,.0f} img/s")
    seconds = time.perf_counter() - start
    return loss_sum / n, correct / n, seconds


@torch.no_grad()
def evaluate(model, images, labels, batch_size=1000):
    model.eval()
    correct = 0
    for lo in range(0, images.shape[0], batch_size):
        logits = model(normalise(images[lo:lo + batch_size]))
        correct += (logits.argmax(1) == labels[lo:lo + batch_size]).sum().item()
    model.train()
    return correct / images.shape[0]


def main():
    args = parse_args()
    # Inter-op threads can only be set before any parallel work starts, so first of all.
    torch.set_num_interop_threads(args.threads)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    log = None if args.quiet else (lambda m: print(m, file=sys.stderr, flush=True))

    images, labels = load(args.data_dir, "train")
    if args.limit:
        images, labels = images[:args.limit], labels[:args.limit]
    n = images.shape[0]

    model = keras_cnn()
    parameters = sum(p.numel() for p in model.parameters())
    assert parameters == EXPECTED_PARAMETERS, f"{parameters} parameters, expected {EXPECTED_PARAMETERS}"
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    generator = torch.Generator().manual_seed(args.seed)
    model.train()

    if log:
        log(f"PyTorch {torch.__version__}: keras-cnn ({parameters:,} parameters) on {n:,} images, "
            f"batch {args.batch_size}, Adam lr {args.lr:g}, {args.epochs} epoch(s), "
            f"{torch.get_num_threads()} threads / {torch.get_num_interop_threads()} inter-op")
    total_seconds, epochs = 0.0, []
    for epoch in range(1, args.epochs + 1):
        loss, acc, seconds = train_epoch(model, loss_fn, optimizer, images, labels,
                                         args.batch_size, generator, log)
        total_seconds += seconds
        epochs.append({"epoch": epoch, "loss": loss, "accuracy": acc, "seconds": seconds,
                       "images_per_second": n / seconds})
        if log:
            log(f"epoch {epoch}: loss {loss:.4f} acc {100 * acc:.2f}% | {seconds:.1f} s, "
                f"{n / seconds:,.0f} img/s")

    test_accuracy = None
    if not args.no_test:
        test_path = os.path.join(args.data_dir, "t10k-images-idx3-ubyte")
        if os.path.exists(test_path):
            test_accuracy = evaluate(model, *load(args.data_dir, "t10k"))
            if log:
                log(f"test accuracy {100 * test_accuracy:.2f}% (not timed)")

    result = {
        "framework": "pytorch",
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "model": "keras-cnn",
        "parameters": parameters,
        "images": n,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "seed": args.seed,
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "seconds": total_seconds,
        "images_per_second": n * args.epochs / total_seconds,
        "final_loss": epochs[-1]["loss"],
        "train_accuracy": epochs[-1]["accuracy"],
        "test_accuracy": test_accuracy,
        "per_epoch": epochs,
    }
    line = json.dumps(result)
    print(line, flush=True)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
