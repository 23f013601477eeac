"""Every layer's output, live: the scrolling view of all layers, one view per layer, the prediction."""
