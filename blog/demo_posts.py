"""The demo posts' words (written for this site). Bodies are lists of (block type, value)."""

CATEGORIES = [
    ("Meetup notes", "meetup-notes", "Write-ups of talks and demos from our evenings."),
    ("Tutorials", "tutorials", "Hands-on walk-throughs you can follow at your desk."),
    ("Research", "research", "Papers and results we found worth discussing."),
]

AUTHORS = [
    ("Priya Raman", "Organiser and ML engineer; runs the monthly paper circle."),
    ("Marcus Chen", "Volunteer, data scientist, and our resident plotting pedant."),
]

CODE_SAMPLE = """import torch

def train_step(model, batch, optimiser):
    optimiser.zero_grad()
    loss = model(batch).loss
    loss.backward()
    optimiser.step()
    return loss.item()
"""

POSTS = [
    {
        "slug": "what-we-learned-running-llms-on-a-laptop",
        "title": "What we learned running LLMs on a laptop",
        "category": "meetup-notes",
        "tags": ["llm", "quantisation", "inference"],
        "authors": [0],
        "days_ago": 3,
        "intro": "Our October lightning talks asked how far a seven-billion-parameter model gets on "
        "a four-year-old laptop. Further than most of us guessed, with caveats about memory.",
        "body": [
            ("heading", "The setup"),
            (
                "paragraph",
                "<p>Three volunteers brought the same model at different precisions. At 4-bit "
                "weights, memory fell roughly as $\\frac{4}{16}$ of the half-precision size.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tokens per second on one laptop",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [
                            ["Precision", "Memory (GB)", "Tokens/s"],
                            ["fp16", "13.5", "2.1"],
                            ["8-bit", "7.2", "6.8"],
                            ["4-bit", "3.9", "11.4"],
                        ],
                    },
                },
            ),
            (
                "quote",
                {
                    "text": "The bottleneck was never the maths. It was how fast bytes move from memory.",
                    "attribution": "One of the evening's speakers",
                },
            ),
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=aircAruvnKk",
                    "title": "Watch a related explainer on neural networks",
                },
            ),
        ],
    },
    {
        "slug": "a-gentle-derivation-of-softmax-cross-entropy",
        "title": "A gentle derivation of the softmax cross-entropy gradient",
        "category": "tutorials",
        "tags": ["maths", "deep-learning"],
        "authors": [1],
        "days_ago": 10,
        "intro": "Why the gradient of cross-entropy through a softmax is simply prediction minus target, "
        "worked out one line at a time.",
        "body": [
            ("paragraph", "<p>Let the logits be $z$ and the softmax output $p_i = e^{z_i} / \\sum_j e^{z_j}$.</p>"),
            ("math", {"latex": "L = -\\sum_{i} y_i \\log p_i"}),
            ("paragraph", "<p>Differentiating and using $\\sum_i y_i = 1$ gives a tidy result:</p>"),
            ("math", {"latex": "\\frac{\\partial L}{\\partial z_k} = p_k - y_k"}),
            ("code", {"language": "python", "source": "grad = probs - one_hot(targets)\n"}),
        ],
    },
    {
        "slug": "your-first-training-loop-in-pytorch",
        "title": "Your first training loop in PyTorch",
        "category": "tutorials",
        "tags": ["pytorch", "beginners"],
        "authors": [0, 1],
        "days_ago": 17,
        "intro": "The four lines at the heart of every PyTorch training loop, and the mistakes we made "
        "the first time we wrote them.",
        "body": [
            ("heading", "The loop"),
            ("code", {"language": "python", "source": CODE_SAMPLE}),
            ("paragraph", "<p>Forget <code>zero_grad()</code> and gradients pile up across steps.</p>"),
            ("image", "figure"),
        ],
    },
    {
        "slug": "reading-group-scaling-laws",
        "title": "Reading group: what scaling laws do and don't tell you",
        "category": "research",
        "tags": ["scaling", "paper-circle"],
        "authors": [0],
        "days_ago": 24,
        "intro": "Notes from the paper circle on compute-optimal training, and the questions the room "
        "kept coming back to.",
        "body": [
            (
                "paragraph",
                "<p>The fitted curves take the form $L(N) = a N^{-\\alpha} + c$, where $N$ counts parameters.</p>",
            ),
            (
                "quote",
                {
                    "text": "A power law is a summary of the past, not a promise about the future.",
                    "attribution": "A member of the paper circle",
                },
            ),
        ],
    },
    {
        "slug": "volunteering-at-toronto-ai",
        "title": "Five things our volunteers wish they had known",
        "category": "meetup-notes",
        "tags": ["community"],
        "authors": [1],
        "days_ago": 31,
        "intro": "Running a meetup for thousands of members takes a few dozen people. Here is what they "
        "told us about the first month.",
        "body": [
            (
                "paragraph",
                "<p>Arrive early, label the Wi-Fi, and keep a spare HDMI adapter. "
                "The rest is kindness and a sign-up sheet.</p>",
            ),
        ],
    },
    {
        "slug": "evaluating-retrieval-augmented-generation",
        "title": "Evaluating retrieval-augmented generation without fooling yourself",
        "category": "research",
        "tags": ["rag", "evaluation", "llm"],
        "authors": [0],
        "days_ago": 38,
        "intro": "Retrieval quality and answer quality are different questions. Measuring them separately "
        "saved one team weeks of chasing the wrong fix.",
        "body": [
            ("heading", "Two numbers, not one"),
            ("paragraph", "<p>Track recall at $k$ for retrieval and a graded rubric for answers.</p>"),
            (
                "code",
                {
                    "language": "sql",
                    "source": "SELECT query_id, COUNT(*) FILTER (WHERE relevant) "
                    "AS hits\nFROM retrieved\nGROUP BY query_id;\n",
                },
            ),
        ],
    },
    {
        "slug": "repost-attention-in-plain-words",
        "title": "Attention, explained in plain words",
        "category": "research",
        "tags": ["transformers"],
        "authors": [],
        "days_ago": 45,
        "intro": "An illustrated walk through how a transformer decides which earlier words matter for the next one.",
        "source_url": "https://example.org/articles/attention-plain-words",
        "source_name": "Example ML Journal",
        "body": [],
    },
    {
        "slug": "repost-small-models-big-wins",
        "title": "Small models, big wins: distillation in production",
        "category": "tutorials",
        "tags": ["distillation", "inference"],
        "authors": [],
        "days_ago": 52,
        "intro": "A practitioner's account of shrinking a classifier tenfold while keeping its accuracy "
        "within a point.",
        "source_url": "https://example.com/blog/small-models-big-wins",
        "source_name": "Example Engineering Blog",
        "body": [("paragraph", "<p>The student learns from the teacher's soft labels at temperature $T$.</p>")],
    },
]

# (post slug, name, body, approved, reply to the comment at this index or None)
COMMENTS = [
    ("a-gentle-derivation-of-softmax-cross-entropy", "Jordan", "cool!", True, None),
    (
        "a-gentle-derivation-of-softmax-cross-entropy",
        "Mei",
        "The same trick shows up with an entropy bonus in policy-gradient methods: adding "
        "beta times the policy's entropy to the objective nudges the gradient towards "
        "spreading probability out, which keeps early exploration alive. Worth a follow-up post?",
        True,
        None,
    ),
    ("a-gentle-derivation-of-softmax-cross-entropy", "Marcus Chen", "Yes! Pencilled in for next month.", True, 1),
    (
        "what-we-learned-running-llms-on-a-laptop",
        "Farah",
        "Which quantisation library did the 4-bit demo use?",
        True,
        None,
    ),
    (
        "your-first-training-loop-in-pytorch",
        "Alex",
        "Great primer, see also https://pytorch.org/tutorials/",
        False,
        None,
    ),
]
