"""The programme's Wagtail hooks, by area; consultations/wagtail_hooks.py imports each module so they register."""
