-- Products by vendor (issue 13). A vendor's agent changing forgets the completeness of that
-- vendor's products (the `completeness_vendor_*` triggers), which walked every product per
-- vendor without it; the list's vendor filter asks the same. Found by the trigger audit in
-- src/plan_audit.rs.

CREATE INDEX products_vendor ON products(vendor);
