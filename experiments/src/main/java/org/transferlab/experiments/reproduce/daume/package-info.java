/**
 * {@code daume2007}: the baseline suite of Daumé III (ACL 2007) on Auto MPG and on rotated Fashion-MNIST, run as
 * two studies through the ordinary harness, with its table ({@link SuiteTable}), Chelba and Acero's figure
 * ({@link LittleDataFigure}) and the rules that decide its claims ({@link SuiteClaims}).
 */
package org.transferlab.experiments.reproduce.daume;
