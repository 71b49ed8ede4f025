"""Date formats where Django's own differ from the site's (FORMAT_MODULE_PATH).

English keeps the day-month-year the clinic has always printed ("2 December
2026"); Punjabi, for which Django has no formats, writes dates the same way.
French and Chinese use Django's ("2 décembre 2026", "2026年12月2日").
"""
