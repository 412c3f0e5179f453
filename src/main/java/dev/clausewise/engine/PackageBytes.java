package dev.clausewise.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages as bytes, in Drools' own externalization (KnowledgePackageImpl is Externalizable and
 * carries its consequences' bytecode). Bytes are read back through a class filter: only Drools, KIE, the JDK's
 * collections and Clausewise's own classes, so a cache file can never instantiate anything else.
 */
final class PackageBytes {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;java.lang.*;java.util.**;org.drools.**;org.kie.**;dev.clausewise.**;!*");

    private PackageBytes() {
    }

    static byte[] write(Collection<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Packages read with {@code loader} (the KieBase's own), ready for {@code addPackages}. */
    static List<KiePackage> read(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(FILTER);
            List<KiePackage> out = new ArrayList<>();
            for (Object o : (Collection<?>) in.readObject()) {
                out.add((KiePackage) o);
            }
            return out;
        } catch (ClassCastException e) {
            throw new IOException("not a list of rule packages", e);
        }
    }
}
