"""Writes the PyTorch-exported ONNX test data of cnn-onnx.

Run from the repository root with Debian's PyTorch (python3-torch, 1.13):

    /usr/bin/python3 cnn-onnx/src/test/python/make_pytorch_models.py

For each small model it writes cnn-onnx/src/test/resources/pytorch/NAME.onnx (torch.onnx.export, batch axis
dynamic) and NAME.json: the input (a fixed seeded batch) and PyTorch's output for it, which the Java tests
(OnnxPyTorchImportTest) compare with what our import of the file computes. Batch norm layers get running
statistics from a few training-mode passes before the model is put in eval mode, so they are not the identity.
"""
import json
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "pytorch")


class LeNet(nn.Module):
    """LeNet-5 on 28x28 digits, normalising its input itself (a leading Sub/Div)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = (x - 0.1307) / 0.3081
        x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.fc3(x)


class VggBlock(nn.Module):
    """Two 3x3 convolutions with batch norm, max pooling, then a dense layer with 1-d batch norm and dropout."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
            nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(16 * 8 * 8, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 5))

    def forward(self, x):
        return self.classifier(self.features(x))


class Residual(nn.Module):
    """A basic residual block, then one that halves the size with a 1x1 projection; global pooling; softmax out."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        self.a1 = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
                                nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8))
        self.b1 = nn.Sequential(nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
                                nn.Conv2d(16, 16, 3, padding=1), nn.BatchNorm2d(16))
        self.project = nn.Sequential(nn.Conv2d(8, 16, 1, stride=2), nn.BatchNorm2d(16))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        x = self.stem(x)
        x = torch.relu(x + self.a1(x))
        x = torch.relu(self.project(x) + self.b1(x))
        x = torch.flatten(self.pool(x), 1)
        return torch.softmax(self.fc(x), dim=1)


class GroupedDilated(nn.Module):
    """A grouped convolution and a dilated depthwise one side by side, joined; leaky ReLU, tanh, padded average
    pooling that does not count the padding; a sigmoid per output (tags)."""

    def __init__(self):
        super().__init__()
        self.grouped = nn.Conv2d(4, 8, 3, padding=1, groups=2)
        self.depthwise = nn.Conv2d(4, 8, 3, padding=2, dilation=2, groups=4)
        self.act = nn.LeakyReLU(0.2)
        self.pool = nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False)
        self.fc = nn.Linear(16 * 6 * 6, 6)

    def forward(self, x):
        x = torch.cat([self.grouped(x), self.depthwise(x)], dim=1)
        x = self.pool(torch.tanh(self.act(x)))
        return torch.sigmoid(self.fc(torch.flatten(x, 1)))


class CeilPool(nn.Module):
    """Max pooling with ceil_mode on an odd size, which rounds up (our max_pool2d's ceil mode)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.fc = nn.Linear(2 * 7 * 7, 3)

    def forward(self, x):
        x = nn.functional.max_pool2d(self.conv(x), 2, ceil_mode=True)
        return self.fc(torch.flatten(x, 1))


class GlobalMax(nn.Module):
    """Global max pooling before the classifier (PyTorch writes AdaptiveMaxPool2d(1) as a MaxPool over the map)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 6, 3, padding=1)
        self.pool = nn.AdaptiveMaxPool2d(1)
        self.fc = nn.Linear(6, 3)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))


def write(name, model, shape, output, opset=13, fold_batch_norm=True):
    torch.manual_seed(1)
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.rand(8, *shape))
    model.eval()
    x = torch.rand(3, *shape, generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        y = model(x)
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, x, path, input_names=["image"], output_names=[output], opset_version=opset,
                      dynamic_axes={"image": {0: "N"}, output: {0: "N"}},
                      training=torch.onnx.TrainingMode.EVAL if fold_batch_norm else torch.onnx.TrainingMode.PRESERVE,
                      do_constant_folding=fold_batch_norm)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"input_shape": list(x.shape), "input": [float(v) for v in x.flatten()],
                   "output": output, "expected": [[float(v) for v in row] for row in y]}, f)
    print(name, "->", path, os.path.getsize(path), "bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    write("lenet", LeNet(), (1, 28, 28), "logits", opset=11)
    # batch norm kept as BatchNormalization nodes here; the residual net has PyTorch fold it into its convolutions
    write("vgg_block_bn", VggBlock(), (3, 16, 16), "logits", fold_batch_norm=False)
    write("residual", Residual(), (3, 12, 12), "probs")
    write("grouped_dilated", GroupedDilated(), (4, 12, 12), "tags")
    write("ceil_pool", CeilPool(), (1, 15, 15), "logits")
    write("global_max", GlobalMax(), (3, 10, 10), "logits")


if __name__ == "__main__":
    main()
