"""Sealed exam packages (`.pocusexam`): build, check, unlock, and read from memory."""
