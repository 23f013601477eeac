"""Why a unit has its value: the unit inspector, receptive-field table, sliding animation, filters."""
