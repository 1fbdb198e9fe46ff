// Run once by the mongo-init service (as the root user of mongo.env): makes replica set rs0 of the
// three members, waits for a primary, and creates the application's own user, limited to its
// database. Running it again changes nothing.
const members = [
  {_id: 0, host: 'mongo1:27017'},
  {_id: 1, host: 'mongo2:27017'},
  {_id: 2, host: 'mongo3:27017'},
];
try {
  rs.status();
} catch (notYet) {
  rs.initiate({_id: 'rs0', members});
}
while (!db.hello().isWritablePrimary) {
  sleep(500);
}
const app = db.getSiblingDB('dialoogtafel');
if (app.getUser(process.env.DIALOOG_MONGO_USER) === null) {
  app.createUser({user: process.env.DIALOOG_MONGO_USER, pwd: process.env.DIALOOG_MONGO_PASSWORD,
    roles: [{role: 'readWrite', db: 'dialoogtafel'}]});
}
print('replica set rs0 ready; user for dialoogtafel present');
