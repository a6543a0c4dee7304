package weird
