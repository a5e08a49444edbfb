# The review screen (issue 11). The states' and errors' wording of the Rust side is in review.ftl.

ui-view-review = Review
ui-review-filter-state = State
ui-review-state-any = Any state
ui-review-state-draft = Draft
ui-review-state-translated = Translated
ui-review-state-reviewed = Reviewed
ui-review-state-approved = Approved
ui-review-state-rejected = Rejected
ui-review-filter-stale = Stale only
ui-review-filter-findings = Has findings
ui-review-filter-vendor = Vendor
ui-review-filter-text = Search
ui-review-progress = { $approved } of { $total } { $total ->
    [one] field
   *[other] fields
  } approved
ui-review-position = Item { $at } of { $total }
ui-review-progress-stale = { $count } stale
ui-review-nothing = Nothing to review
ui-review-nothing-hint = Chinese copy shows up here once it is written or drafted on a product page.
ui-review-no-match = No field matches these filters
ui-review-queue = Fields to review
ui-review-stale = Stale
ui-review-edit = Edit
ui-review-edit-hint = Saved as you type. Esc leaves editing.
ui-review-approve = Approve
ui-review-reject = Reject
ui-review-comment = What is wrong?
ui-review-comment-hint = Enter rejects, Esc cancels
ui-review-diff = The English changed since this was translated
ui-review-english = English
ui-review-chinese = Chinese
ui-review-term-missing = not in the Chinese
ui-review-thread = Comments
ui-review-no-comments = No comments yet.
ui-review-last-by = Last state change by { $by }, { $at }
ui-keys-review = Review
ui-keys-review-approve = Approve and go to the next field
ui-keys-review-reject = Reject, with a comment
ui-keys-review-move = Previous or next field
ui-keys-review-edit = Edit the Chinese in place (Esc leaves)
ui-keys-review-undo = Undo the last state change
ui-review-batch = Approve fields without findings…
ui-review-batch-title = Approve fields without findings
ui-review-batch-ask = { $count ->
    [one] Approve the { $count } translated or reviewed field of this list that has no findings?
   *[other] Approve the { $count } translated or reviewed fields of this list that have no findings?
  } Undo sets them back.
ui-review-batch-none = No translated or reviewed field of this list is free of findings.
ui-review-batch-yes = { $count ->
    [one] Approve { $count } field
   *[other] Approve { $count } fields
  }
ui-review-batch-done = { $count ->
    [one] { $count } field approved
   *[other] { $count } fields approved
  }
ui-review-undo = Undo
