"""The Following page's form: topics by translation key, cities by slug, and the digest's frequency. Choices are
checked against what is offered (no id is parsed from the client)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DigestFrequency


class FollowingForm(forms.Form):
    topics = forms.MultipleChoiceField(label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple)
    cities = forms.MultipleChoiceField(label=_("Cities"), required=False, widget=forms.CheckboxSelectMultiple)
    frequency = forms.ChoiceField(
        label=_("Digest by email"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        initial=DigestFrequency.WEEKLY,
    )

    def __init__(self, data=None, *, topics, cities, following=None):
        initial = None
        if following is not None:
            initial = {
                "topics": [
                    str(topic.translation_key) for topic in topics if str(topic.translation_key) in following.topic_keys
                ],
                "cities": [city.slug for city in cities if city.pk in following.organisation_ids],
                "frequency": following.frequency,
            }
        super().__init__(data, initial=initial)
        self.topics_by_key = {str(topic.translation_key): topic for topic in topics}
        self.cities_by_slug = {city.slug: city for city in cities}
        self.fields["topics"].choices = [(key, topic.name) for key, topic in self.topics_by_key.items()]
        self.fields["cities"].choices = [(city.slug, city.name) for city in cities]

    def choices(self):
        """(topic translation keys, organisation ids, frequency) of a valid form."""
        data = self.cleaned_data
        organisation_ids = {self.cities_by_slug[slug].pk for slug in data["cities"]}
        return set(data["topics"]), organisation_ids, data["frequency"]
