"""ConvScope engine: convolutional networks in plain numpy (never imports Qt)."""

from engine.errors import ConfigError
