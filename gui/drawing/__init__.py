"""The input side: the canvas, its brush, the drawing tools, sample digits, the receptive-field window."""
