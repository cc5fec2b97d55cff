"""The Qt window: models, panels and dialogs over the services."""
