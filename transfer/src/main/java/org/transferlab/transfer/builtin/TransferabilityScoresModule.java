package org.transferlab.transfer.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.forecast.HScore;
import org.transferlab.transfer.forecast.Leep;
import org.transferlab.transfer.forecast.LinearMmd;
import org.transferlab.transfer.forecast.LogMe;
import org.transferlab.transfer.forecast.ProxyADistance;
import org.transferlab.transfer.forecast.ScoreBindings;

/**
 * Registers the built-in transferability scores that {@code ./transferlab forecast} computes:
 *
 * <table>
 *   <caption>Built-in transferability scores</caption>
 *   <tr><th>name</th><th>class</th><th>reads</th></tr>
 *   <tr><td>{@code logme}</td><td>{@link LogMe}</td><td>the budget's labels</td></tr>
 *   <tr><td>{@code leep}</td><td>{@link Leep}</td><td>the budget's labels</td></tr>
 *   <tr><td>{@code h-score}</td><td>{@link HScore}</td><td>the budget's labels</td></tr>
 *   <tr><td>{@code proxy-a-distance}</td><td>{@link ProxyADistance}</td><td>unlabelled source and target</td></tr>
 *   <tr><td>{@code linear-mmd}</td><td>{@link LinearMmd}</td><td>unlabelled source and target</td></tr>
 * </table>
 */
public final class TransferabilityScoresModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        ScoreBindings.score(binder(), LogMe.NAME, LogMe.class);
        ScoreBindings.score(binder(), Leep.NAME, Leep.class);
        ScoreBindings.score(binder(), HScore.NAME, HScore.class);
        ScoreBindings.score(binder(), ProxyADistance.NAME, ProxyADistance.class);
        ScoreBindings.score(binder(), LinearMmd.NAME, LinearMmd.class);
    }
}
