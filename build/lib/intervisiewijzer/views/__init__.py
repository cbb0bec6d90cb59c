"""What each page shows, computed from the data: start times, cards, plans, links."""
