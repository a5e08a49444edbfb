# One-click fixes for copy findings (kuajing-copy `Fix`). Ids are fix-<kind>; $replacement is the
# text the fix writes (empty for a removal).

fix-to-simplified = Write it in Simplified: “{ $replacement }”
fix-remove = Remove it
fix-replace-char = Replace it with “{ $replacement }”
fix-replace-term = Replace it with “{ $replacement }”
