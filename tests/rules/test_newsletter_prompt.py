from cleaner.rules import newsletter_prompt
from tests.rules.cases import table

FLAGGED = [
    "Sign up for our daily newsletter",
    "Sign Up: Get the morning briefing in your inbox",
    "Subscribe now",
    "Subscribe to our newsletter for the latest business news",
    "Get the latest headlines delivered to your inbox",
    "Join our mailing list",
    "Enter your email address to receive updates",
    "Never miss a story: sign up for alerts",
    "Thanks for signing up!",
    "There was an error processing your subscription.",
    "Thank you for subscribing!",
]
KEPT = [
    "Sign-up rates for the scheme rose 40 percent last year.",
    "Subscribers to the service fell by a third in 2019.",
    "Join the queue early, officials advised.",
    "Get the facts before you vote, the commission urged.",
    "Subscribe was the word of the year in 2019, the dictionary said, after a surge in streaming services and newsletters of every kind across the media world.",
    "Receive times at the depot doubled during the strike.",
    "There was an error processing the ballots, officials said.",
]


test_flags, test_keeps = table(newsletter_prompt, FLAGGED, KEPT)
