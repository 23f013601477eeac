"""What the network learned, on data: evaluation, misread digits, favourite patches."""
