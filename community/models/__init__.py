from .follows import CityFollow, DigestFrequency, DigestSent, DigestSettings, TopicFollow  # noqa: F401
