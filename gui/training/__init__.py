"""Training in the app: the dialog, the worker thread that trains, the live curves."""
