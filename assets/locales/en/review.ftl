# Review (issue 11): states, transitions, stale flags. See docs/review.md.

error-review-transition = The { $field } of { $handle } cannot go from { $from } to { $to }. A reviewer may take translated to reviewed, approved or rejected; reviewed to approved or rejected; approved back to reviewed. Saving the text makes any state translated.
error-review-needs-comment = Rejecting the { $field } of { $handle } needs a comment saying what is wrong.
error-nothing-to-review = The { $field } of { $handle } has no { $locale } text to review: draft or write it first.
error-reviewer-blank = The reviewer's name is empty: give a name.
