from .messages import Block, Conversation, ConversationReport, Message  # noqa: F401
from .profiles import PeerProfile  # noqa: F401
