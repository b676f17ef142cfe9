"""jianbao (剪报): cut Chinese newspaper pages into whole, structured articles."""
__version__ = "0.1.0"
