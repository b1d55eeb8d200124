import glob
import os
import sys
# Hands in the kit's own reference program as the student's: it looks for the kit's jar of reference
# programs wherever the kit has ever kept it (in a container's image, beside the process sandbox's
# lanes, in a lab folder, anywhere under / it can read) and runs the lab program its own name says
# (srv_tcp.py runs srv_tcp). The kit's answers must not be in the sandbox: it finds none, and fails.
program = os.path.splitext(os.path.basename(sys.argv[0]))[0]
candidates = ["/opt/sockspec/impl/sockspec-impl.jar", "sockspec-impl.jar"]
candidates += glob.glob("/tmp/sockspec-*/sockspec-impl.jar") + glob.glob("/tmp/sockspec-*/lane-*/lab/sockspec-impl.jar")
candidates += glob.glob("/autograder/source/*.jar") + glob.glob("/grade/serverFilesCourse/*/*.jar")
for root, _, files in os.walk("/"):
    if root.startswith(("/proc", "/sys")):
        continue
    candidates += [os.path.join(root, f) for f in files if f.startswith("sockspec") and f.endswith(".jar")]
for jar in candidates:
    if os.access(jar, os.R_OK):
        print("running the kit's own", program, "from", jar, flush=True)
        os.execvp("java", ["java", "-cp", jar, "org.sockspec.impl.Main", program] + sys.argv[1:])
print("no reference program to hand in: the kit's jar is nowhere this program can read", flush=True)
sys.exit(1)
