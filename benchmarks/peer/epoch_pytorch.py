"""The PyTorch side of epoch_vs_pytorch.sh: the same MLP (784-256-128-5) and CNN
(conv5x5x20-pool-conv5x5x50-pool-128-5) as TransferLab's NetworkFactory, trained with Adam (lr 1e-3)
and softmax cross-entropy on Fashion-MNIST classes 0-4 (30,000 training images, pixels / 255), with a
new random order of minibatches each epoch. Prints one line per epoch with its seconds (only the
epoch is timed), then the parameter count and the test accuracy.

usage: /usr/bin/python3 epoch_pytorch.py mlp|cnn BATCH_SIZE THREADS EPOCHS DATA_DIR
"""
import gzip
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def load(data_dir, prefix, classes):
    images = idx(f"{data_dir}/{prefix}-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    labels = idx(f"{data_dir}/{prefix}-labels-idx1-ubyte.gz", 8)
    keep = np.isin(labels, classes)
    x = torch.from_numpy(images[keep].astype(np.float32) / 255.0)
    y = torch.from_numpy(np.searchsorted(classes, labels[keep]).astype(np.int64))
    return x, y


def network(kind):
    if kind == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(20, 50, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Flatten(), nn.Linear(4 * 4 * 50, 128), nn.ReLU(), nn.Linear(128, 5))
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                         nn.Linear(128, 5))


def main():
    kind, batch, threads, epochs, data_dir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    classes = np.array([0, 1, 2, 3, 4])
    x, y = load(data_dir, "train", classes)
    x_test, y_test = load(data_dir, "t10k", classes)
    model = network(kind)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x))
        for first in range(0, len(x), batch):
            rows = order[first:first + batch]
            optimiser.zero_grad()
            loss(model(x[rows]), y[rows]).backward()
            optimiser.step()
        print(f"pytorch {kind} epoch {epoch} seconds {time.perf_counter() - start:.3f}", flush=True)
    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    params = sum(p.numel() for p in model.parameters())
    print(f"pytorch {kind} params {params} train {len(x)} batch {batch} threads {threads} test_accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
