"""The demo's venues, people and meetups (written for this site; names are fictional)."""

VENUES = [
    {
        "name": "Queen West Innovation Hub",
        "street_address": "461 King Street West, 3rd floor",
        "postal_code": "M5V 1K4",
        "latitude": "43.645020",
        "longitude": "-79.396430",
        "directions": "Enter from King Street beside the café; take the elevator to 3. "
        "Five minutes from St. Andrew station.",
        "accessibility": "Step-free entrance and elevator; all-gender washrooms on the same floor; "
        "a quiet room is signposted.",
    },
    {
        "name": "Bloor Street Library Auditorium",
        "street_address": "789 Yonge Street, lower level",
        "postal_code": "M4W 2G8",
        "directions": "Steps from Bloor-Yonge station. Follow the signs to the auditorium downstairs.",
        "accessibility": "Elevator to the lower level; hearing loop in the auditorium.",
    },
]

SPEAKERS = [
    ("Priya Raman", "Builds retrieval systems for a Toronto health-tech startup and teaches evening ML courses."),
    ("Marcus Oyelaran", "Research engineer working on efficient fine-tuning of language models."),
    ("Sofia Lindqvist", "Leads the applied science team at a logistics company; likes forecasting problems."),
    ("Daniel Cheung", "PhD student studying interpretability of vision transformers."),
    ("Amara Nwosu", "Product manager who ships AI features in regulated industries."),
    ("Gabriel Tremblay", "Open-source maintainer of a small evaluation toolkit for LLM applications."),
]

SPONSORS = [
    {"name": "Northern Lights Compute", "url": "https://example.com/northern-lights", "tier": 2},
    {"name": "Harbourfront Analytics", "url": "https://example.com/harbourfront", "tier": 4},
]

# days: from today; talks: (title, abstract, speaker indexes, has slides/video).
MEETUPS = [
    {
        "slug": "evaluating-llm-apps",
        "title": "Evaluating LLM applications that actually ship",
        "days": 9,
        "venue": 0,
        "summary": "How teams measure quality before and after launch, with two practitioner talks.",
        "talks": [
            ("Test sets you can trust", "Building evaluation data from real user traffic without leaking it.", [5]),
            ("Shipping with guardrails", "What we learnt putting an assistant in front of bank customers.", [4]),
        ],
    },
    {
        "slug": "winter-lightning-talks",
        "title": "Winter lightning talks",
        "days": 37,
        "venue": 1,
        "status": "cancelled",
        "summary": "Five-minute talks from members. Cancelled: the venue is closed for repairs.",
        "talks": [],
    },
    {
        "slug": "efficient-fine-tuning",
        "title": "Efficient fine-tuning on a budget",
        "days": 65,
        "venue": 0,
        "online": True,
        "summary": "Adapters, quantisation and what a single GPU can do. In person and streamed.",
        "talks": [("LoRA in practice", "Choosing ranks, targets and learning rates, with numbers.", [1])],
    },
    {
        "slug": "forecasting-with-deep-learning",
        "title": "Forecasting with deep learning",
        "days": -21,
        "venue": 0,
        "summary": "When neural forecasters beat classical baselines, and when they do not.",
        "talks": [
            ("Baselines first", "Seasonal naive, ETS and friends as the bar to clear.", [2]),
            ("Global models for many series", "Training one network over thousands of stores.", [2, 0]),
        ],
    },
    {
        "slug": "seeing-inside-vision-transformers",
        "title": "Seeing inside vision transformers",
        "days": -49,
        "venue": 1,
        "summary": "Attention maps, probing and what they can and cannot tell us.",
        "talks": [("What attention maps miss", "A tour of attribution methods and their failure modes.", [3])],
    },
    {
        "slug": "retrieval-augmented-generation",
        "title": "Retrieval-augmented generation, one year in",
        "days": -77,
        "venue": 0,
        "summary": "Chunking, ranking and keeping answers grounded in production.",
        "talks": [
            ("Chunking is a product decision", "How document structure should drive retrieval units.", [0]),
            ("Rerankers are worth it", "Measured gains from a cross-encoder on a support corpus.", [5]),
        ],
    },
    {
        "slug": "ai-in-regulated-industries",
        "title": "AI in regulated industries",
        "days": -105,
        "venue": 1,
        "summary": "Model risk, audits and documentation that auditors read.",
        "talks": [("Model cards for auditors", "Writing documentation for people who sign off.", [4])],
    },
    {
        "slug": "small-models-big-wins",
        "title": "Small models, big wins",
        "days": -133,
        "venue": 0,
        "summary": "Distillation and classic ML where a large model is overkill.",
        "talks": [
            ("Distilling a classifier", "From a 7B teacher to a model that runs on a laptop CPU.", [1]),
            ("Gradient boosting still wins", "Tabular problems where trees beat transformers.", [2]),
        ],
    },
    {
        "slug": "community-project-night",
        "title": "Community project night",
        "days": -161,
        "venue": 1,
        "summary": "Members demoed what they built over the summer.",
        "talks": [
            ("A bird-song classifier for Toronto parks", "Audio models on a Raspberry Pi.", [3]),
            ("Transit delay predictions", "A weekend project with open TTC data.", [0, 5]),
        ],
    },
]
