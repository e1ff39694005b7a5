from cleaner.rules import copyright_notice
from tests.rules.cases import table

FLAGGED = [
    "© 2019 Example News Ltd. All rights reserved.",
    "Copyright 2018 The Associated Press. All rights reserved.",
    "Copyright © 2024 Riverside Gazette",
    "(c) 2020 Harbour Media",
    "All Rights Reserved.",
    "This report may not be reproduced or broadcast without permission.",
    "Our reporting may not be published, broadcast, rewritten or sold by others.",
    "Copyright 2024 Valley Times",
]
KEPT = [
    "Copyright law changed in 2019 when the EU passed its directive.",
    "The court said all rights reserved to the states remained with them, and the case was sent back to a lower court for a new hearing on the merits of the claim.",
    "Copyrights held by the estate expire next year.",
    "The band said it owned the copyright to the song.",
]


test_flags, test_keeps = table(copyright_notice, FLAGGED, KEPT)
