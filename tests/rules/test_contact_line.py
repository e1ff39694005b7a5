from cleaner.rules import contact_line
from tests.rules.cases import table

FLAGGED = [
    "Follow Jane Doe on Twitter @janedoe",
    "Follow @coastgazette for the latest news from the harbour.",
    "Email Jane Doe at jdoe@example.com",
    "E-mail the newsroom at news@example.org with your questions.",
    "Write to John Roe at john.roe@example.com",
    "Reach the reporters on Twitter at https://twitter.com/janedoe",
    "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @janedoe.",
    "Follow the Coast Gazette on Instagram, Facebook, Twitter and YouTube.",
    "Follow our full coverage of the election at https://example.org/election",
    "Contact the desk at desk@example.com or call 555-0100.",
    "You can reach Jane Doe via LinkedIn or by email.",
]
KEPT = [
    "Follow the money, the investigators told the committee on Tuesday.",
    "Follow-up tests are planned for the spring, the hospital said.",
    "Email records show the mayor knew of the plan in May.",
    "Emails sent to jdoe@example.com were forwarded to the council, the report found.",
    "Reach out to neighbours who live alone, the police urged residents.",
    "Write to your MP before the vote on Facebook's tax bill, campaigners said.",
    "Contact between the two sides stopped in March.",
    "The mayor said residents could follow the meeting on Facebook.",
    (
        "Follow the coast path north and you will reach the harbour at www. Some words follow "
        "here to make a long paragraph of more than forty-five words, which is a story and not a "
        "contact line, however it happens to start and whatever channel it names along the way, "
        "as this one does at its end on Twitter."
    ),
]


test_flags, test_keeps = table(contact_line, FLAGGED, KEPT)
