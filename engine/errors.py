"""The one exception the engine raises for configurations a learner can get wrong."""


class ConfigError(ValueError):
    """A network, layer or file that cannot work, explained in words a learner understands."""
