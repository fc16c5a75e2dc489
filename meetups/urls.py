from django.urls import path

from . import views

app_name = "meetups"

urlpatterns = [
    path("meetups/calendar.ics", views.calendar_feed, name="calendar"),
    path("meetups/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
]
