// Plants the defect: the example's server answers with a one-letter typo, as a student's might.
def server = new File(basedir, 'src/main/java/lab/TcpServer.java')
def correct = server.text
def planted = correct.replace('"Message received"', '"Message recieved"')
if (planted == correct) {
  throw new IllegalStateException("${server} does not say \"Message received\": plant the defect where it answers now")
}
server.text = planted
true
