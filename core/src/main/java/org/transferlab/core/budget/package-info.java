/**
 * Label budgets and their draws. {@link LabelBudget} says how many labelled target examples a cell may use, per
 * class or in total; {@link BudgetSampler} draws them from a train partition, stratified by class and seeded;
 * {@link LabelledSplit} is the draw, split into the examples a strategy fits on and the validation examples it
 * selects with. The same domain, budget and seed always give the same rows, so every strategy of a cell is
 * compared on the same labels.
 */
package org.transferlab.core.budget;
