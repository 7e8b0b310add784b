package org.transferlab.transfer.builtin;

import com.google.inject.AbstractModule;
import org.transferlab.core.plugin.TransferLabModule;
import org.transferlab.transfer.selection.Dev;
import org.transferlab.transfer.selection.Iwcv;
import org.transferlab.transfer.selection.PredictionEntropy;
import org.transferlab.transfer.selection.Snd;
import org.transferlab.transfer.selection.SourceValidation;
import org.transferlab.transfer.selection.ValidatorBindings;

/**
 * Registers the built-in validators that choose among a strategy's candidates without target labels:
 *
 * <table>
 *   <caption>Built-in validators</caption>
 *   <tr><th>name</th><th>class</th><th>reads</th></tr>
 *   <tr><td>{@code source-validation}</td><td>{@link SourceValidation}</td><td>held-out source labels</td></tr>
 *   <tr><td>{@code iwcv}</td><td>{@link Iwcv}</td><td>held-out source labels, density ratios</td></tr>
 *   <tr><td>{@code dev}</td><td>{@link Dev}</td><td>held-out source labels, density ratios</td></tr>
 *   <tr><td>{@code snd}</td><td>{@link Snd}</td><td>unlabelled target</td></tr>
 *   <tr><td>{@code entropy}</td><td>{@link PredictionEntropy}</td><td>unlabelled target</td></tr>
 * </table>
 */
public final class ValidatorsModule extends AbstractModule implements TransferLabModule {
    @Override
    protected void configure() {
        ValidatorBindings.validator(binder(), SourceValidation.NAME, SourceValidation.class);
        ValidatorBindings.validator(binder(), Iwcv.NAME, Iwcv.class);
        ValidatorBindings.validator(binder(), Dev.NAME, Dev.class);
        ValidatorBindings.validator(binder(), Snd.NAME, Snd.class);
        ValidatorBindings.validator(binder(), PredictionEntropy.NAME, PredictionEntropy.class);
    }
}
