"""Changing the network: the layer list and form, the kernel editor and its tools."""
