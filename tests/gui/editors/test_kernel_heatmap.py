"""The kernel heatmap shows the kernel itself on a scale symmetric about 0."""

import numpy as np

from gui.editors.kernel_heatmap import KernelHeatmap


def test_shows_the_kernel_with_zero_in_the_middle_of_the_scale(shown):
    heatmap = shown(KernelHeatmap(), 112, 112)
    kernel = np.array([[-1.0, 0.0, 2.0]], np.float32)
    heatmap.show_kernel(kernel)
    np.testing.assert_array_equal(heatmap.image.image, kernel)
    assert tuple(heatmap.image.levels) == (-2.0, 2.0)
    heatmap.show_kernel(np.zeros((3, 3)))
    low, high = heatmap.image.levels
    assert low == -high and high > 0
