process.stdout.write('archive-reader: not built yet\n');
