"""The map page: folium draws the frame, the browser loads the events it needs."""
