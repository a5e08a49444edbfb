# 审校（issue 11）：状态、状态转换、源文变更标记。见 docs/review.md。

error-review-transition = { $handle } 的 { $field } 不能从 { $from } 改为 { $to }。审校可将 translated 改为 reviewed、approved 或 rejected；将 reviewed 改为 approved 或 rejected；将 approved 退回 reviewed。保存文本会使任何状态变为 translated。
error-review-needs-comment = 驳回 { $handle } 的 { $field } 需要附上说明问题的评论。
error-nothing-to-review = { $handle } 的 { $field } 没有 { $locale } 文本可审校：请先起草或填写。
error-reviewer-blank = 审校人姓名为空：请填写姓名。
