-- Equipment and life-saving gear that goes out to an incident and is expected back (#17).
UPDATE items SET reusable = TRUE
WHERE code IN ('L-LJ', 'L-LB', 'L-RB', 'L-AB', 'L-LT', 'E-SUB', 'E-DSL', 'E-PT', 'E-GEN', 'E-LGT', 'E-TCH');
