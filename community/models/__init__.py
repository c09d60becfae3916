from .follows import CityFollow, DigestFrequency, DigestSent, DigestSettings, TopicFollow  # noqa: F401
from .messages import Block, Conversation, ConversationReport, Message  # noqa: F401
from .profiles import PeerProfile  # noqa: F401
